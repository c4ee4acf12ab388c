"""Test helpers: an in-process feed server and feed document builders."""
