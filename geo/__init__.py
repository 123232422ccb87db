"""frontline-map: war reporting turned into checked facts on a map."""

__version__ = "0.1.0"
