"""One router module per resource, in the shape of full-stack-fastapi-template."""
