"""Export papers as BibTeX and CSL-JSON for reference managers.

A citation key is the first author's family name, the year and the first
significant title word, such as ``rafailov2023direct``. It stays the same
from one export to the next unless another paper in the same export has the
same key. Colliding keys then get the suffixes a, b, c in the order of the
papers given.

Known limits: author names are split by a heuristic. The last word is the
family name, and a particle such as "van" or "de" after the first word
starts it. A one-word name, or a name ending in a word such as "Team", is
an organisation and stays whole. So a two-word family name without a
particle, such as "García Márquez", is split wrongly. Entry types come from
keywords in the venue name.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from paperpath.catalog import Paper
from paperpath.render.escape import one_line

_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
_ET_AL = frozenset({"et al.", "et al", "others"})
_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du"}
    | {"la", "las", "le", "les", "ten", "ter", "van", "von", "zu"}
)
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_ORGANISATION_WORDS = frozenset(
    {"team", "lab", "labs", "group", "consortium", "collaboration", "project", "inc.", "ltd."}
)
_TITLE_STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from how in into is of on or our over"
    " the to toward towards via what when why with your".split()
)
# Letters that Unicode decomposition does not reduce to ASCII.
_ASCII_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
    | {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ı": "i"}
)

# Braces become commands rather than \{ and \}, because BibTeX and biber
# count every brace, escaped or not. A lone \{ would unbalance the field and
# let the rest of the value run into the next field.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIBTEX_AND = re.compile(r"\band\b", re.IGNORECASE)
# Characters kept as they are in a verbatim URL field. Others are percent-encoded.
_URL_SAFE = "/:?#@!$&'()*+,;=%-._~[]"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_PREPRINT_VENUE = re.compile(r"\barxiv\b|\bpreprint\b", re.IGNORECASE)
_JOURNAL_VENUE = re.compile(r"\bjournal\b|\btransactions\b|\bletters\b|\bJMLR\b|\bTMLR\b", re.I)
_CONFERENCE_VENUE = re.compile(
    r"\b(?:NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|EACL|AACL|COLING|AAAI|IJCAI|CVPR|ICCV"
    r"|ECCV|COLM|AISTATS|UAI|KDD|SIGIR|ECML|NeSy|CoRL|Workshop|Findings|Conference"
    r"|Proceedings|Symposium)\b",
    re.IGNORECASE,
)
# Journals whose names contain no "journal" or "transactions". They are checked
# after conferences, so "Workshop on Data Science" stays a workshop.
_NAMED_JOURNAL_VENUE = re.compile(
    r"^Nature\b|\bScience|\bReview\b|^Machine Learning\b|^Artificial Intelligence\b", re.I
)
_CSL_TYPES = {"article": "article-journal", "inproceedings": "paper-conference", "misc": "article"}
_VENUE_FIELDS = {"article": "journal", "inproceedings": "booktitle", "misc": "howpublished"}


@dataclass(frozen=True)
class AuthorName:
    """An author name split into the parts that BibTeX and CSL-JSON store apart.

    ``literal`` is set, and the other parts are empty, for an organisation.
    ``family`` includes any particle, as in "van den Driessche".
    """

    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""


def split_name(name: str) -> AuthorName:
    """Split an author name into given and family name, keeping an organisation whole."""
    name = one_line(name)
    if "," in name:
        parts = [part.strip() for part in name.split(",")]
        if len(parts) == 2 and all(parts):
            return AuthorName(family=parts[0], given=parts[1])
        if len(parts) == 3 and all(parts):
            return AuthorName(family=parts[0], suffix=parts[1], given=parts[2])
        return AuthorName(literal=name)

    words = name.split()
    if len(words) < 2 or words[-1].lower() in _ORGANISATION_WORDS:
        return AuthorName(literal=name)
    suffix = ""
    if len(words) > 2 and words[-1] in _SUFFIXES:
        suffix = words.pop()

    # The first word is always a given name, as in "Le Hou".
    family_start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in _PARTICLES:
            family_start = index
            break
    return AuthorName(
        family=" ".join(words[family_start:]),
        given=" ".join(words[:family_start]),
        suffix=suffix,
    )


def author_names(paper: Paper) -> tuple[list[AuthorName], bool]:
    """Return the paper's split author names and whether the list ends in "et al."."""
    names = [split_name(author) for author in paper.authors if author.lower() not in _ET_AL]
    has_others = any(author.lower() in _ET_AL for author in paper.authors)
    return names, has_others


def fold_ascii(text: str) -> str:
    """Return ``text`` with accents removed and other non-ASCII characters dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _first_title_word(title: str) -> str:
    for word in re.findall(r"[a-z]+", fold_ascii(title).lower()):
        if len(word) > 1 and word not in _TITLE_STOPWORDS:
            return word
    return ""


def _key_base(paper: Paper) -> str:
    names, _ = author_names(paper)
    if not names:
        return paper.id
    first = names[0]
    family = re.sub(r"[^a-z]", "", fold_ascii(first.literal or first.family).lower())
    if not family:
        # NOTE: a family name in a non-Latin script folds to nothing, so the
        # key falls back to the paper id instead of a transliteration.
        return paper.id
    year = "" if paper.year is None else str(paper.year)
    return f"{family}{year}{_first_title_word(paper.title)}"


def _letter_suffixes() -> Iterator[str]:
    for length in itertools.count(1):
        for letters in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=length):
            yield "".join(letters)


def citation_keys(papers: Sequence[Paper]) -> dict[str, str]:
    """Map each paper id to a citation key that is unique within ``papers``."""
    bases = {paper.id: _key_base(paper) for paper in papers}
    counts = Counter(bases.values())
    used_keys = {base for base, count in counts.items() if count == 1}
    keys = {}
    for paper in papers:
        base = bases[paper.id]
        if counts[base] == 1:
            keys[paper.id] = base
            continue
        key = next(base + suffix for suffix in _letter_suffixes() if base + suffix not in used_keys)
        used_keys.add(key)
        keys[paper.id] = key
    return keys


def escape_bibtex(text: str) -> str:
    r"""Write BibTeX and LaTeX special characters as commands, on one line.

    Other characters, accented and non-Latin ones included, stay as they are,
    because BibTeX files may be UTF-8.

    >>> print(escape_bibtex("50% of {x_1} & ~ Łukasz"))
    50\% of \textbraceleft{}x\_1\textbraceright{} \& \textasciitilde{} Łukasz
    """
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX_ESCAPES[match.group()], one_line(text))


def bibtex_entry_type(venue: str | None) -> str:
    """Return the BibTeX entry type for a venue: article, inproceedings or misc."""
    if venue is None or _PREPRINT_VENUE.search(venue):
        return "misc"
    if _JOURNAL_VENUE.search(venue):
        return "article"
    if _CONFERENCE_VENUE.search(venue):
        return "inproceedings"
    if _NAMED_JOURNAL_VENUE.search(venue):
        return "article"
    return "misc"


def _bibtex_name(name: AuthorName) -> str:
    if name.literal:
        return "{" + escape_bibtex(name.literal) + "}"
    # "Family, Suffix, Given" keeps a capitalised particle such as "Le" in
    # the family name. A bare "and" inside a name is braced, because BibTeX
    # would read it as the separator between two authors.
    parts = [name.family, name.suffix, name.given]
    return ", ".join(_BIBTEX_AND.sub(r"{\g<0>}", escape_bibtex(part)) for part in parts if part)


def _bibtex_url(url: str) -> str:
    # NOTE: biblatex reads url as a verbatim field, so LaTeX escapes such as
    # \_ would end up in the link. The URL is percent-encoded instead, which
    # still keeps braces and backslashes out of the field.
    return quote(one_line(url), safe=_URL_SAFE)


def doi_of(paper: Paper) -> str | None:
    """Return the DOI that the paper's URL resolves, for a doi.org link, else None."""
    parts = urlsplit(paper.url)
    if parts.scheme not in ("http", "https") or parts.hostname not in _DOI_HOSTS:
        return None
    doi = unquote(parts.path).strip("/")
    # A DOI starts with the directory indicator "10."; braces would break BibTeX.
    if not doi.startswith("10.") or "{" in doi or "}" in doi or "\\" in doi:
        return None
    return doi


def _bibtex_fields(paper: Paper, entry_type: str) -> list[tuple[str, str]]:
    fields = []
    names, has_others = author_names(paper)
    if names:
        authors = [_bibtex_name(name) for name in names] + (["others"] if has_others else [])
        fields.append(("author", "{" + " and ".join(authors) + "}"))
    fields.append(("title", "{{" + escape_bibtex(paper.title) + "}}"))
    if paper.year is not None:
        fields.append(("year", "{" + str(paper.year) + "}"))
    if paper.month is not None:
        # Month macros stay unbraced, because BibTeX styles print them as
        # names and biber turns them into numbers.
        fields.append(("month", _MONTHS[paper.month - 1]))
    if paper.venue is not None:
        fields.append((_VENUE_FIELDS[entry_type], "{" + escape_bibtex(paper.venue) + "}"))
    fields.append(("url", "{" + _bibtex_url(paper.url) + "}"))
    doi = doi_of(paper)
    if doi is not None:
        fields.append(("doi", "{" + one_line(doi) + "}"))
    if paper.arxiv is not None:
        fields.append(("eprint", "{" + escape_bibtex(paper.arxiv) + "}"))
        fields.append(("archivePrefix", "{arXiv}"))
    fields.append(("note", "{paperpath id: " + escape_bibtex(paper.id) + "}"))
    return fields


def render_bibtex(papers: Sequence[Paper], keys: Mapping[str, str] | None = None) -> str:
    """Render ``papers`` as BibTeX entries, in the order given, separated by blank lines.

    ``keys`` maps paper ids to citation keys; by default they are made
    unique within ``papers`` alone.
    """
    keys = keys if keys is not None else citation_keys(papers)
    entries = []
    for paper in papers:
        entry_type = bibtex_entry_type(paper.venue)
        fields = _bibtex_fields(paper, entry_type)
        lines = [f"@{entry_type}{{{keys[paper.id]},"]
        lines += [f"  {name} = {value}," for name, value in fields]
        lines[-1] = lines[-1].removesuffix(",")
        lines.append("}")
        entries.append("\n".join(lines) + "\n")
    return "\n".join(entries)


def _csl_name(name: AuthorName) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    parts = {"family": name.family, "given": name.given, "suffix": name.suffix}
    return {field: value for field, value in parts.items() if value}


def _csl_item(paper: Paper, key: str) -> dict[str, object]:
    item: dict[str, object] = {
        "id": key,
        "type": _CSL_TYPES[bibtex_entry_type(paper.venue)],
        "title": one_line(paper.title),
    }
    names, _ = author_names(paper)
    if names:
        item["author"] = [_csl_name(name) for name in names]
    if paper.year is not None:
        date = [paper.year] if paper.month is None else [paper.year, paper.month]
        item["issued"] = {"date-parts": [date]}
    if paper.venue is not None:
        item["container-title"] = one_line(paper.venue)
    item["URL"] = one_line(paper.url)
    doi = doi_of(paper)
    if doi is not None:
        item["DOI"] = one_line(doi)
    if paper.arxiv is not None:
        item["number"] = paper.arxiv
        item["archive"] = "arXiv"
    return item


def render_csl_json(papers: Sequence[Paper], keys: Mapping[str, str] | None = None) -> str:
    """Render ``papers`` as a CSL-JSON array, in the order given; ``keys`` as in render_bibtex."""
    keys = keys if keys is not None else citation_keys(papers)
    items = [_csl_item(paper, keys[paper.id]) for paper in papers]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
