from pathlib import Path

import pytest

import khabar
from khabar.config import SETTINGS, Config
from khabar.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_unknown_setting_is_named() -> None:
    with pytest.raises(ConfigError, match=r"unknown setting.*langauge"):
        Config.from_mapping({"langauge": "ar"})


@pytest.mark.parametrize(
    "settings",
    [
        {"language": "fr"},
        {"max_input_bytes": 0},
        {"default_published": "yesterday"},
        {"occurrence_threshold": 1.5},
        {"occurrence_threshold": "high"},
    ],
)
def test_bad_values_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        Config.from_mapping(settings)


def test_config_file(tmp_path: Path) -> None:
    path = tmp_path / "khabar.toml"
    path.write_text('[khabar]\nlanguage = "ar"\nmax_input_bytes = 5000\n', encoding="utf-8")
    config = Config.from_file(path)
    assert (config.language, config.max_input_bytes) == ("ar", 5000)
    bad = tmp_path / "bad.toml"
    bad.write_text("language = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.from_file(bad)


def test_every_setting_has_help_and_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.help.strip(), setting.name
        assert f"`{setting.name}`" in readme, f"README does not document setting {setting.name}"


def test_public_api_is_locked() -> None:
    assert sorted(khabar.__all__) == sorted(
        [
            "SETTINGS",
            "Actor",
            "Article",
            "Byline",
            "Claim",
            "Config",
            "ConfigError",
            "DateValue",
            "Document",
            "Event",
            "Failure",
            "InputError",
            "KhabarError",
            "Mention",
            "Pipeline",
            "PipelineError",
            "Place",
            "Removed",
            "ResourceError",
            "SchemaError",
            "Sentence",
            "Span",
            "Token",
            "Word",
            "__version__",
            "load",
            "register_stage",
        ]
    )
    for name in khabar.__all__:
        assert hasattr(khabar, name), name
