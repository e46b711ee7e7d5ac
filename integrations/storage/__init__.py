"""Object storage for chart images: private objects, reachable only through expiring links.

Adapters: `local` (default, files under the data folder, links served by `/api/files`) and
`oss` (Alibaba Cloud OSS, links signed by OSS).
"""

from integrations.storage.errors import InvalidObjectKeyError, ObjectNotFoundError
from integrations.storage.keys import check_key, content_type_for
from integrations.storage.port import ObjectStore

__all__ = [
    "InvalidObjectKeyError",
    "ObjectNotFoundError",
    "ObjectStore",
    "check_key",
    "content_type_for",
]
