"""The subcommands of the command line, one module each.

Each module exposes ``register(subparsers)``, which adds its parser and sets
``run`` to a function ``(args) -> exit status``. Modules import the engine
inside ``run`` so that ``factcheck --help`` stays fast.
"""
