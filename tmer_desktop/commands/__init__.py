"""The `tmer` sub-commands: argument handling, printing, exit codes and Ctrl+C.

Domain modules (tagging, playlists, model, library) return results and raise errors; only this
package and `cli.py` talk to a terminal.
"""
