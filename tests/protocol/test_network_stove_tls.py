"""ksps://: a stove with a self-signed certificate made here is trusted with --ca-cert, refused without."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl

import pytest

from kitchen_ui.connect import StoveUrlError, open_stove
from kitchen_ui.core.errors import LinkError
from kitchen_ui.core.model import LinkStatus
from kitchen_ui.protocol.network_stove import tls_context

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402


def self_signed(tmp_path, name: str, *, dns: str = "localhost", ip: str | None = "127.0.0.1") -> tuple[str, str]:
    """A self-signed certificate like a stove's firmware would make; returns (cert, key) paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    sans: list = [x509.DNSName(dns)] + ([x509.IPAddress(ipaddress.ip_address(ip))] if ip else [])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(sans), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def server_context(cert: str, key: str) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


@pytest.fixture
def client_tls_stub(tmp_path, client_stub):
    cert, key = self_signed(tmp_path, "stove")
    return client_stub(ssl_context=server_context(cert, key)), cert


def refusal(rec) -> str:
    link = rec.wait(lambda: [lk for lk in rec.links if lk.message.count("TLS") or "not trusted" in lk.message],
                    what="a TLS refusal")[0]
    assert link.status is LinkStatus.CONNECTING and not any(lk.online for lk in rec.links)
    return link.message


def test_trusted_self_signed_stove_connects(client_tls_stub, client_stove):
    stub, cert = client_tls_stub
    stove, rec = client_stove(f"ksps://127.0.0.1:{stub.port}", ca_cert=cert)
    rec.wait_link("online")
    assert stove.set_level(0, 2).result(2)["level"] == 2
    assert stove.link.transport.startswith("ksps://")


def test_untrusted_stove_is_refused_with_a_clear_message(client_tls_stub, client_stove):
    stub, _cert = client_tls_stub
    stove, rec = client_stove(f"ksps://127.0.0.1:{stub.port}")   # system store only
    message = refusal(rec)
    assert "not trusted" in message and "--ca-cert" in message
    assert [r.method for r in stub.received] == []                 # not a byte of KSP/1 was sent


def test_a_different_certificate_is_refused_naming_the_file(tmp_path, client_tls_stub, client_stove):
    stub, _cert = client_tls_stub
    other, _ = self_signed(tmp_path, "impostor")
    stove, rec = client_stove(f"ksps://127.0.0.1:{stub.port}", ca_cert=other)
    assert "not trusted by" in refusal(rec) and "impostor.pem" in stove.link.message


def test_certificate_for_another_host_is_refused(tmp_path, client_stub, client_stove):
    cert, key = self_signed(tmp_path, "elsewhere", dns="stove.example", ip=None)
    stub = client_stub(ssl_context=server_context(cert, key))
    stove, rec = client_stove(f"ksps://127.0.0.1:{stub.port}", ca_cert=cert)
    message = refusal(rec)
    assert "another host" in message and "127.0.0.1" in message


def test_tls_client_against_a_plain_stove_fails_cleanly(client_stub, client_stove, tmp_path):
    stub = client_stub()
    cert, _ = self_signed(tmp_path, "stove")
    stove, rec = client_stove(f"ksps://127.0.0.1:{stub.port}", ca_cert=cert)
    link = rec.wait(lambda: [lk for lk in rec.links if "TLS" in lk.message or "closed" in lk.message
                             or "cannot reach" in lk.message or "no answer" in lk.message],
                    what="a failed TLS handshake")[0]
    assert link.status is LinkStatus.CONNECTING


def test_real_server_over_tls(tmp_path, server_live, client_stove):
    from kitchen_ui.protocol.aio_server import tls_server_context
    cert, key = self_signed(tmp_path, "sim")
    srv = server_live(ssl_context=tls_server_context(cert, key))
    host, port = srv.address
    stove, rec = client_stove(f"ksps://{host}:{port}", ca_cert=cert)
    rec.wait_link("online", role="controller")
    assert stove.set_level(0, 3).result(2)["level"] == 3


def test_tls_context_is_tls12_or_newer_and_checks_names(tmp_path):
    cert, _ = self_signed(tmp_path, "stove")
    for ctx in (tls_context(cert), tls_context(None)):
        assert ctx.minimum_version >= ssl.TLSVersion.TLSv1_2
        assert ctx.check_hostname and ctx.verify_mode is ssl.CERT_REQUIRED


def test_open_stove_checks_the_ca_cert_flag(tmp_path):
    with pytest.raises(StoveUrlError, match="--ca-cert.*no such file"):
        open_stove("ksps://127.0.0.1:7868", ca_cert=str(tmp_path / "missing.pem"))
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(StoveUrlError, match="--ca-cert"):
        open_stove("ksps://127.0.0.1:7868", ca_cert=str(junk))
    cert, _ = self_signed(tmp_path, "stove")
    with pytest.raises(StoveUrlError, match="ksps://"):
        open_stove("ksp://127.0.0.1:7868", ca_cert=cert)
    stove = open_stove("ksps://127.0.0.1:7868", ca_cert=cert)
    assert stove.ca_cert == cert
    with pytest.raises(LinkError, match="not running"):        # built, not started: no connection yet
        stove.ping().result(0.5)
