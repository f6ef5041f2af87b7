"""The writer's commands behind tasks.py: new, check, publish (plain modules, not a plugin)."""
