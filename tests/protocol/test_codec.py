"""KSP/1 framing and envelopes (contract §1): what a stove accepts, answers and refuses."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kitchen_ui.core.errors import INVALID_REQUEST, PARSE_ERROR, KspError
from kitchen_ui.protocol.codec import (
    MAX_LINE_BYTES, BadRequest, LineSplitter, LineTooLong, Notification, ProtocolViolation, Request,
    Response, encode, error, parse_incoming, parse_request, request,
)


# -- framing ----------------------------------------------------------------------------------
def test_splitter_returns_complete_lines_and_keeps_the_rest():
    s = LineSplitter()
    assert s.feed(b'{"a":1}\n{"b"') == [b'{"a":1}']
    assert s.pending == 4
    assert s.feed(b':2}\r\n\n') == [b'{"b":2}', b""]
    assert s.pending == 0


def test_a_line_of_exactly_the_limit_is_accepted_one_byte_more_is_not():
    s = LineSplitter()
    assert s.feed(b"x" * MAX_LINE_BYTES + b"\n") == [b"x" * MAX_LINE_BYTES]
    with pytest.raises(LineTooLong):
        s.feed(b"x" * (MAX_LINE_BYTES + 1) + b"\n")


def test_an_endless_line_is_noticed_before_its_newline_arrives():
    s = LineSplitter()
    s.feed(b"x" * MAX_LINE_BYTES)
    with pytest.raises(LineTooLong):
        s.feed(b"y")
    assert s.pending == 0   # nothing of it is kept


def test_lines_before_a_long_line_in_the_same_chunk_are_not_lost():
    s = LineSplitter()
    with pytest.raises(LineTooLong) as exc:
        s.feed(b"first\nsecond\n" + b"z" * (MAX_LINE_BYTES + 5))
    assert exc.value.lines == [b"first", b"second"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=20),
       st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=10))
def test_lines_do_not_depend_on_how_the_stream_is_cut(lines, cuts):
    stream = b"".join(line + b"\n" for line in lines)
    s = LineSplitter()
    got: list[bytes] = []
    i = 0
    k = 0
    while i < len(stream):
        n = cuts[k % len(cuts)]
        got += s.feed(stream[i:i + n])
        i += n
        k += 1
    expected = [line[:-1] if line.endswith(b"\r") else line for line in lines]
    assert got == expected
    assert s.pending == 0


# -- requests the stove accepts --------------------------------------------------------------
def test_a_request_with_params():
    r = parse_request(b'{"jsonrpc":"2.0","id":7,"method":"zone.set_level","params":{"zone":0,"level":3}}')
    assert r == Request(7, "zone.set_level", {"zone": 0, "level": 3})


def test_params_may_be_omitted_and_ids_may_be_strings():
    assert parse_request(b'{"jsonrpc":"2.0","id":"a-1","method":"ping"}') == Request("a-1", "ping", {})


def test_a_request_survives_the_encoder():
    msg = request(3, "zone.set_target", {"zone": 1, "temp_c": 180.5})
    line = encode(msg)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert parse_request(line[:-1]) == Request(3, "zone.set_target", {"zone": 1, "temp_c": 180.5})


# -- lines the stove refuses (§1) --------------------------------------------------------------
@pytest.mark.parametrize("line, code, echoed_id", [
    (b"not json", PARSE_ERROR, None),
    (b"", PARSE_ERROR, None),
    (b'{"jsonrpc":"2.0","id":1,"method":"ping"', PARSE_ERROR, None),           # half a line
    (b'{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":NaN}}', PARSE_ERROR, None),
    (b'\xff\xfe{"id":1}', INVALID_REQUEST, None),                               # invalid UTF-8
    (b'{"jsonrpc":"2.0","id":1,"method":"ping\xc3"}', INVALID_REQUEST, None),
    (b"[]", INVALID_REQUEST, None),                                             # batch
    (b'[{"jsonrpc":"2.0","id":1,"method":"ping"}]', INVALID_REQUEST, None),
    (b"42", INVALID_REQUEST, None),
    (b'"ping"', INVALID_REQUEST, None),
    (b"null", INVALID_REQUEST, None),
    (b'{"jsonrpc":"2.0","method":"ping"}', INVALID_REQUEST, None),              # no id
    (b'{"jsonrpc":"2.0","id":null,"method":"ping"}', INVALID_REQUEST, None),
    (b'{"jsonrpc":"2.0","id":1.5,"method":"ping"}', INVALID_REQUEST, None),
    (b'{"jsonrpc":"2.0","id":true,"method":"ping"}', INVALID_REQUEST, None),
    (b'{"jsonrpc":"2.0","id":[1],"method":"ping"}', INVALID_REQUEST, None),
    (b'{"jsonrpc":"2.0","id":4,"method":"ping","params":[1]}', INVALID_REQUEST, 4),
    (b'{"jsonrpc":"2.0","id":4,"method":"ping","params":null}', INVALID_REQUEST, 4),
    (b'{"jsonrpc":"2.0","id":4,"method":"ping","params":"x"}', INVALID_REQUEST, 4),
    (b'{"jsonrpc":"2.0","id":5,"method":3}', INVALID_REQUEST, 5),
    (b'{"jsonrpc":"2.0","id":5}', INVALID_REQUEST, 5),
    (b'{"jsonrpc":"1.0","id":6,"method":"ping"}', INVALID_REQUEST, 6),
    (b'{"id":6,"method":"ping"}', INVALID_REQUEST, 6),
])
def test_bad_lines_get_the_contracts_error(line, code, echoed_id):
    r = parse_request(line)
    assert isinstance(r, BadRequest)
    assert r.error.code == code
    assert r.id == echoed_id
    assert r.error.message   # a message that says what is wrong


def test_huge_integers_are_refused_as_values_not_as_unparseable_json():
    big = "9" * 5000
    r = parse_request(f'{{"jsonrpc":"2.0","id":1,"method":"zone.set_level","params":{{"zone":0,"level":{big}}}}}'.encode())
    assert isinstance(r, Request) and r.params["level"] == float("inf")
    r = parse_request(f'{{"jsonrpc":"2.0","id":{big},"method":"ping"}}'.encode())
    assert isinstance(r, BadRequest) and r.error.code == INVALID_REQUEST


def test_deep_nesting_is_a_parse_error_not_a_crash():
    r = parse_request(b"[" * 60000)
    assert isinstance(r, BadRequest) and r.error.code == PARSE_ERROR


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_parse_request_never_raises_on_any_bytes(data):
    r = parse_request(data)
    assert isinstance(r, (Request, BadRequest))
    if isinstance(r, BadRequest):
        assert r.error.code in (PARSE_ERROR, INVALID_REQUEST)
        encode(error(r.id, r.error))   # the answer can always be sent


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_is_either_a_request_or_an_invalid_request(value):
    r = parse_request(json.dumps(value).encode())
    if isinstance(r, BadRequest):
        assert r.error.code == INVALID_REQUEST
    else:
        assert isinstance(value, dict) and isinstance(r.params, dict)


# -- encoding ----------------------------------------------------------------------------------
def test_encode_refuses_nan_rather_than_sending_invalid_json():
    with pytest.raises(ValueError):
        encode({"t": float("nan")})


def test_encode_keeps_utf8_and_survives_a_lone_surrogate_echoed_back():
    assert encode({"name": "Größe"}) == '{"name":"Größe"}\n'.encode()
    r = parse_request(b'{"jsonrpc":"2.0","id":"\\ud800","method":"nope"}')
    line = encode(error(r.id, KspError(-32601, "method not found")))
    assert json.loads(line)["id"] == "\ud800"


# -- what a client reads -------------------------------------------------------------------------
def test_client_side_parsing_of_responses_and_notifications():
    assert parse_incoming(b'{"jsonrpc":"2.0","id":1,"result":{"t":1.0}}') == Response(1, result={"t": 1.0})
    err = parse_incoming(b'{"jsonrpc":"2.0","id":2,"error":{"code":-32005,"message":"locked"}}')
    assert err.error.code == -32005
    note = parse_incoming(b'{"jsonrpc":"2.0","method":"event","params":{"kind":"all_off"}}')
    assert note == Notification("event", {"kind": "all_off"})
    with pytest.raises(ProtocolViolation):
        parse_incoming(b"garbage")
