from .cli import main

# The guard matters: a batch build's worker processes import __main__ again where processes are
# spawned (Windows, macOS), and must not run the command a second time.
if __name__ == "__main__":
    main()
