"""Cleaning: the article text apart from page furniture, captions, bylines and datelines."""

from khabar.clean.body import Cleaned, clean_body

__all__ = ["Cleaned", "clean_body"]
