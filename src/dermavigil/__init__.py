"""dermavigil: vigilance for adverse reactions to injected aesthetic and dermatologic products."""

__version__ = "0.1.0"
