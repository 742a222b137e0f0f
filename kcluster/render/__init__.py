"""Presentation: machine formats (json, jsonl, csv, ...) and rich tables for people."""
