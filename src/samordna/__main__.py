from samordna.cli import run

run()
