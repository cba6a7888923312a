"""A stove that cannot be reached at the start says why, against real sockets on loopback.

Each case is a real failure: a port nobody listens on, a name that cannot resolve (``.invalid``
never does, RFC 6761), a TLS stove with a certificate we do not trust, a stove that wants another
token. The link stays CONNECTING (never online) while retrying, with the reason in its message
and its kind in ``problem`` (what the dashboard's banner puts into words).
"""

from __future__ import annotations

import socket
import ssl

from kitchen_ui.core.model import LINK_PROBLEMS, LinkStatus


def first_failure(rec, stove):
    link = rec.wait(lambda: next((lk for lk in rec.links if lk.problem), None), what="a failed attempt")
    assert link.status is LinkStatus.CONNECTING
    assert link.problem in LINK_PROBLEMS
    assert not any(lk.online for lk in rec.links)
    assert stove.request("state.get").exception(2) is not None        # nothing pretends to work
    return link


def test_a_refused_port_is_named_as_refused(client_stove):
    with socket.socket() as holder:              # bound, not listening: the kernel refuses connections
        holder.bind(("127.0.0.1", 0))
        port = holder.getsockname()[1]
        stove, rec = client_stove(f"ksp://127.0.0.1:{port}")
        link = first_failure(rec, stove)
    assert link.problem == "refused"
    assert f"refused the connection on port {port}" in link.message
    assert "trying again" in link.message


def test_an_unknown_host_name_is_named_as_unknown(client_stove):
    stove, rec = client_stove("ksp://nohost.invalid:7868")
    link = first_failure(rec, stove)
    assert link.problem == "unknown_host"
    assert "'nohost.invalid'" in link.message and "Unknown error" not in link.message


def test_an_untrusted_tls_certificate_is_named(server_live, server_tls_cert, client_stove):
    cert, key = server_tls_cert
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server = server_live(ssl_context=ctx)
    host, port = server.address
    stove, rec = client_stove(f"ksps://127.0.0.1:{port}")            # the system store only
    link = first_failure(rec, stove)
    assert link.problem == "tls_untrusted"
    assert "not trusted" in link.message and "--ca-cert" in link.message


def test_a_wrong_token_is_named_and_retried(server_live, client_stove):
    server = server_live(token="the-right-one")
    host, port = server.address
    stove, rec = client_stove(f"ksp://{host}:{port}", token="a-wrong-one")
    link = first_failure(rec, stove)
    assert link.problem == "token"
    assert "refused the token" in link.message
    rec.wait(lambda: sum(1 for lk in rec.links if lk.problem == "token") >= 2, what="a second attempt")
    assert server.zones_on() == []


def test_a_stove_reached_after_all_clears_the_problem(server_live, client_stove):
    server = server_live()
    host, port = server.address
    stove, rec = client_stove(f"ksp://{host}:{port}")
    online = rec.wait(lambda: next((lk for lk in rec.links if lk.online), None), what="online")
    assert online.problem == ""
