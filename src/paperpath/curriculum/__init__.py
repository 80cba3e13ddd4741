"""Course curricula: the YAML format, loading with source lines, validation."""

from typing import TYPE_CHECKING

from paperpath._lazy import lazy_exports

_EXPORTS = {
    "Curriculum": "paperpath.curriculum.load",
    "load_curriculum": "paperpath.curriculum.load",
    "CurriculumFile": "paperpath.curriculum.models",
    "curriculum_files": "paperpath.curriculum.find",
    "find_curriculum": "paperpath.curriculum.find",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "Curriculum",
    "CurriculumFile",
    "curriculum_files",
    "find_curriculum",
    "load_curriculum",
]

if TYPE_CHECKING:
    from paperpath.curriculum.find import curriculum_files, find_curriculum
    from paperpath.curriculum.load import Curriculum, load_curriculum
    from paperpath.curriculum.models import CurriculumFile
