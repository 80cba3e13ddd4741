"""Patterns for ids in the catalog, importable without pydantic."""

import re

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# New-style arXiv ids (2007 on) are YYMM.NNNN or, from 2015, YYMM.NNNNN;
# old-style ids are archive/YYMMNNN, such as hep-th/9901001 or math.GT/0309136.
ARXIV_PATTERN = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})$")
