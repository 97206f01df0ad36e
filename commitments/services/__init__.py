"""Every write to the domain goes through these functions, each inside one transaction: whole or not at all."""
