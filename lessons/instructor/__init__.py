"""Tools for instructors: learning objectives, session plans, the guide, launch links, a class.

    python -m lessons.instructor objectives | timings | update-guide | nbgitpuller-link

The synthetic class (``synthetic_class``) lets the class-results notebook run before any
student has handed anything in.
"""
