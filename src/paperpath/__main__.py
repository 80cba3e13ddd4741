from paperpath.cli import main

main(prog_name="paperpath")
