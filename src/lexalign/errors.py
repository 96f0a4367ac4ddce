"""The one exception users see: input LexAlign cannot use, with what to do about it."""


class UnusableInput(Exception):
    """Raised for a file that cannot be read as a law. str(error) is one line for the user:
    it names the file and says how to fix the problem."""

    def __init__(self, source: str, problem: str, remedy: str) -> None:
        self.source = source
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{source}: {problem}: {remedy}")
