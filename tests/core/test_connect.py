import pytest

from kitchen_ui.connect import StoveUrlError, open_stove, parse_stove_url, read_token
from kitchen_ui.sim.local import LocalStove


def test_sim_is_the_default_stove():
    assert parse_stove_url("sim").scheme == "sim"
    stove = open_stove("sim", zones=3)
    assert isinstance(stove, LocalStove)
    assert len(stove.sim.zones) == 3


@pytest.mark.parametrize("url,host,port,tls", [
    ("ksp://kitchen.local:7000", "kitchen.local", 7000, False),
    ("ksps://10.0.0.5", "10.0.0.5", 7868, True),
])
def test_network_urls(url, host, port, tls):
    a = parse_stove_url(url)
    assert (a.host, a.port, a.tls) == (host, port, tls)


@pytest.mark.parametrize("bad", ["http://x", "ksp://", "ksp://host:notaport", "stove"])
def test_bad_stove_urls_name_the_problem(bad):
    with pytest.raises(StoveUrlError, match="--stove"):
        parse_stove_url(bad)


def test_token_file_is_read_and_a_missing_one_is_named(tmp_path):
    f = tmp_path / "token"
    f.write_text("s3cret\n")
    assert read_token(None, str(f)) == "s3cret"
    with pytest.raises(StoveUrlError, match="token-file"):
        read_token(None, str(tmp_path / "missing"))
