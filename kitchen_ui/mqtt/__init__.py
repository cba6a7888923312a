"""Hearth on an MQTT broker: the bridge (stoves -> topics, Home Assistant discovery), the fleet
screen's transport, and the community recipe archive.

KSP/1 stays the link to each stove; MQTT is for fan-out, integration and sharing. Any MQTT
3.1.1/5 broker works (tests use Mosquitto). No Qt here: the bridge runs headless.
"""
