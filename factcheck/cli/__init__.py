"""The command line: arguments -> configuration -> run -> renderer -> exit code.

One module per subcommand (``check``, ``lint``, ``test_rules``, ``schema``);
``main`` parses arguments; ``common`` holds what they share and is the only
place that catches errors; ``output`` writes files atomically.
"""
