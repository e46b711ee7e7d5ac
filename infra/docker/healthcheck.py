"""Container HEALTHCHECK: exit 0 when the backend answers GET /api/health with 200.

Standard library only, so the runtime image needs no curl; Kubernetes uses its own probes.
"""

import os
import sys
import urllib.request

port = os.environ.get("REFLEX_BACKEND_PORT", "8000")
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except OSError:
    sys.exit(1)
