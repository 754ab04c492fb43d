"""factcheck: where news sources agree, conflict or stay silent, claim by claim.

The public API lives in :mod:`factcheck.api`; this module stays light so that
``factcheck --help`` starts fast.
"""

__version__ = "0.1.0"
