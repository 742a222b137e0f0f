"""kcluster: the offline, sourced, scriptable reference to Korea's industrial complex clusters."""

__version__ = "0.1.0"
