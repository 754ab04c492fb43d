"""Why a claim could not take a value, in plain words (formatted with details).

The binder writes these into a :class:`~factcheck.binding.trace.Trace` when one is
kept; they live apart from the trace's classes so that binding without a trace
never builds them.
"""

OUT_OF_WINDOW = "out of window: the nearest cue {cue!r} is {distance} words away (window {window})"
NO_CUE = "no cue of the claim in the sentence"
NO_CONTEXT = "no context phrase in the sentence ({phrases})"
WRONG_TYPE = "wrong type: a {kind} where a {type} is wanted"
HEDGE = "hedge {hedge!r} is not in the claim's qualifiers ({allowed})"
ORDINAL = "an ordinal is required ('second', '3rd')"
POINTS = "percentage points where a percentage is wanted (the claim has no unit: points)"
NOT_POINTS = "a percentage where points are wanted (the claim says unit: points)"
NO_UNIT = "a count with no unit where a quantity in {unit} is wanted"
OTHER_UNIT = "{written} does not measure the same thing as the claim's {unit}"
NOT_A_CHANGE = "not a from-to change: the claim takes the previous value (role: previous)"
NOT_A_COUNT = "an ordinal ('second') is no count; the claim says ordinal: false"
UNRESOLVED = "relative date left unresolved: the text has no publication date"
CUE_IS_VALUE = "the cue word is itself the value"
EXCLUDED = "excluded by {phrase!r} (the claim's exclude)"
TAKEN = "value already taken by {claim} ({winner:.2f} vs {score:.2f})"
OUTSCORED = "outscored by {claim} ({winner:.2f} vs {score:.2f})"
TIE = "tie broken by claim order: {claim} comes first in the rules (score {score:.2f} each)"
FILLED = "claim already filled in this sentence by {value!r} (score {winner:.2f})"
CROSS_KIND_PENALTY = "cross-kind penalty: a {kind} read as a {type}"
