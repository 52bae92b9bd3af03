"""Claims: who says what, through whom, with what stance; and contested events."""

from khabar.claims.contested import ContestedStage, contested_groups
from khabar.claims.stage import ClaimsStage, own_voice_source

__all__ = ["ClaimsStage", "ContestedStage", "contested_groups", "own_voice_source"]
