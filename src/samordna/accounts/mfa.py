"""TOTP two-factor: a secret shown as a QR code, confirmed by a first code; recovery codes."""

from __future__ import annotations

import base64
import io
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from django_otp.util import random_hex

RECOVERY_CODES = 10


def new_secret() -> str:
    return str(random_hex(20))


def base32(secret: str) -> str:
    return base64.b32encode(bytes.fromhex(secret)).decode()


def otpauth_url(user: Any, secret: str) -> str:
    label = quote(f"{settings.OTP_TOTP_ISSUER}:{user.email or user.username}")
    query = urlencode({"secret": base32(secret), "issuer": settings.OTP_TOTP_ISSUER})
    return f"otpauth://totp/{label}?{query}"


def qr_data_uri(text: str) -> str:
    """The QR code as an SVG data URI (an <img>, so the page keeps its strict CSP)."""
    out = io.BytesIO()
    write_qrcode_image(text, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def code_matches(secret: str, code: str) -> bool:
    code = code.strip().replace(" ", "")
    return code.isdecimal() and TOTP(bytes.fromhex(secret)).verify(int(code), tolerance=1)


@transaction.atomic
def confirm(user: Any, secret: str) -> tuple[TOTPDevice, list[str]]:
    """Store the authenticator and a fresh set of recovery codes (replacing old ones)."""
    remove(user)
    device = TOTPDevice(user=user, name="Autentiseringsapp", key=secret, confirmed=True)
    device.save()
    return device, new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user: Any) -> list[str]:
    for old in StaticDevice.objects.filter(user=user):
        old.delete()
    device = StaticDevice(user=user, name="Reservkoder", confirmed=True)
    device.save()
    codes = [str(StaticToken.random_token()) for _ in range(RECOVERY_CODES)]
    for code in codes:
        StaticToken(device=device, token=code).save()
    return codes


@transaction.atomic
def remove(user: Any) -> None:
    for device_class in (TOTPDevice, StaticDevice):
        for device in device_class.objects.filter(user=user):
            device.delete()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
