"""The simulated stove: lumped thermal physics, stove-side safety, and the KSP/1 service."""
