"""ivpgen: publish a Dutch municipality's Integraal Veiligheidsplan as a website and a summary."""

__version__ = "0.1.0"
