"""The pytest face: rule files collected as tests.

``plugin`` is the entry point (import-light: it does nothing until a rule
file is collected); ``items`` has the collectors, items and the ``factcheck``
fixture; ``render`` the failure texts.
"""
