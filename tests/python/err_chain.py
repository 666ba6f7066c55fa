# An uncaught exception raised with 'raise ... from': both tracebacks are printed, joined by
# "The above exception was the direct cause of the following exception:".

class ConfigError(Exception):
    pass

def read_port(config):
    try:
        return int(config["port"])
    except KeyError as e:
        raise ConfigError("port is not configured") from e

print("reading config")
read_port({"host": "localhost"})
