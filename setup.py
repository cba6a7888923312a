"""What goes into the wheel: every kitchen_ui package, plus the data folders mapped into it.

The repository keeps ``resources/`` and ``db/migrations/`` at the top level; the wheel carries
them as ``kitchen_ui/_resources`` and ``kitchen_ui/_migrations``, where kitchen_ui.resources finds
them with importlib.resources. (pyproject.toml's package finder cannot add a package that lives
outside its folder, hence these few lines; everything else is in pyproject.toml.)
"""

from setuptools import find_packages, setup

DATA = {"kitchen_ui._resources": "resources", "kitchen_ui._migrations": "db/migrations"}

setup(
    packages=find_packages(include=["kitchen_ui", "kitchen_ui.*"]) + list(DATA),
    package_dir=DATA,
    # exactly the files named here (not "whatever git or MANIFEST.in holds"), so setuptools does
    # not take the data sub-folders for undeclared packages
    include_package_data=False,
    package_data={"kitchen_ui._resources": ["**/*"], "kitchen_ui._migrations": ["*.sql"],
                  "kitchen_ui.voice": ["data/*.txt"]},
    # the Qt Linguist sources are for translators; the app reads the compiled .qm files
    exclude_package_data={"kitchen_ui._resources": ["i18n/*.ts"]},
)
