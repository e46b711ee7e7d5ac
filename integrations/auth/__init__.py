"""Bearer-token authentication: OIDC JWTs checked against the issuer's published keys.

One verification path serves every issuer: a real OIDC provider (keys discovered from its
`/.well-known/openid-configuration`) or the built-in development issuer (keys on disk).
"""
