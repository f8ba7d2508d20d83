# The course's Jupyter settings, the same for `make course` and for Binder: both start
# JupyterLab through ./start, which puts this folder on JUPYTER_CONFIG_PATH. Its
# labconfig/page_config.json turns JupyterLab's announcements plugin off (the "Would you like
# to get notified about official Jupyter news?" pop-up over the first lesson).
c = get_config()  # noqa: F821 (Jupyter defines get_config for its config files)

# `jupyter lab` (as `make course` runs it, from the repository's folder) prints a URL that
# opens lesson 00, not the launcher, and opens it in the browser. (It copies LabApp's
# default_url over ServerApp's.) Binder and nbgitpuller links name their page themselves
# (urlpath=lab/tree/notebooks/00_welcome.ipynb); a hub's single-user server keeps its own.
c.LabApp.default_url = "/lab/tree/notebooks/00_welcome.ipynb"

# Nothing fetched from the internet behind the student's back: no news feed, no update check.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
