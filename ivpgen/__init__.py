"""ivpgen: publish a Dutch municipality's Integraal Veiligheidsplan as an accessible website."""

from ivpgen import engine as _engine  # noqa: F401 - chooses MkDocs or ProperDocs before any mkdocs import

__version__ = "0.2.0"
