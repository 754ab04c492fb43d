"""pytest plugin (placeholder until the plugin lands): inactive unless opted in."""
