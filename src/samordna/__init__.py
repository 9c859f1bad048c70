"""Samordna: the year of a samordningsförbund in one place."""

__version__ = "0.1.0"
