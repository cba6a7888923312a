"""PyInstaller hook for pocketsphinx: its en-US acoustic model and dictionary are data files in the
package, found next to pocketsphinx/__init__.py at run time (nothing is downloaded). The free-speech
language models (27 MB) are left out: the recognizer decodes with its own JSGF command grammar."""

from PyInstaller.utils.hooks import collect_data_files

LEFT_OUT = ["**/*.lm.bin", "**/CMakeLists.txt"]

datas = collect_data_files("pocketsphinx", excludes=LEFT_OUT)
