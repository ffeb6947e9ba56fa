# The "build step": turns pages/*.txt into HTML files in out/ (needs Python; the result does not).
import html
import pathlib

out = pathlib.Path("out")
out.mkdir(exist_ok=True)
for page in sorted(pathlib.Path("pages").glob("*.txt")):
    title, _, body = page.read_text().partition("\n")
    (out / f"{page.stem}.html").write_text(
        f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(body.strip())}</p>\n")
    print("built", page.stem + ".html")
