"""Accounts: people, their roles in each förbund, invitations, sign-in and two-factor."""
