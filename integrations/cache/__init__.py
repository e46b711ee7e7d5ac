"""Cache: short-lived bytes by key, in process memory (default) or in Redis.

The port stores bytes, not objects, so both adapters behave the same and a value written by
one process can be read by another through Redis.
"""

from integrations.cache.memory import MemoryCache
from integrations.cache.port import Cache
from integrations.cache.singleflight import SingleFlight

# RedisCache lives in integrations.cache.redis_cache, imported only when Redis is configured
# (redis.asyncio costs half a second of start-up).
__all__ = ["Cache", "MemoryCache", "SingleFlight"]
