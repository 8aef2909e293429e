"""Print, as JSON, what course/builds.py claims about the running build."""

import json
import platform
import struct
import sys
import sysconfig
import threading


def can_start_a_thread():
    try:
        worker = threading.Thread(target=lambda: None)
        worker.start()
        worker.join()
    except RuntimeError:  # WebAssembly builds without pthreads refuse
        return False
    return True


print(
    json.dumps(
        {
            "release": platform.python_version(),
            "pointer_bits": 8 * struct.calcsize("P"),
            "maxsize_bits": sys.maxsize.bit_length() + 1,  # signed: one bit for the sign
            "pymalloc": sysconfig.get_config_var("WITH_PYMALLOC") == 1,
            "platform": sys.platform,
            "threads": can_start_a_thread(),
        }
    )
)
