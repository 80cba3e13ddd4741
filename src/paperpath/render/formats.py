"""Output formats, listed where the command line can read them without heavy imports."""

READING_ORDER_FORMATS = ("markdown", "json", "text")
AUDIT_FORMATS = ("text", "json")
