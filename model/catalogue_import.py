"""The Chinese of the importer's and the command line's messages (导入与命令行): English template →
Chinese template, the same `{fields}`; part of the one catalogue (model/catalogue.py).

Pure data: every layer may import it.
"""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, str] = {}
