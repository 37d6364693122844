"""geokg: a knowledge-graph builder for geopolitical actors in Arabic and English news."""

__version__ = "0.1.0"
