"""WeasyPrint side of PdfRenderBenchmark: one long-running process, weasyprint imported once.

Protocol on stdin/stdout, one line each way:
  -> ONE <html-file> <pdf-out-file>        one render, the Java side interleaves it with its own rounds
  <- OK <ms> <pages>
  -> QUIT
The first answer is "READY <weasyprint version> <python version>". A render turns the HTML string into PDF bytes
(parse, layout, PDF write, fonts subset and embedded), timed with time.perf_counter inside this process, so starting
Python, importing WeasyPrint, reading the file and the pipe are never counted. The PDF is written to <pdf-out-file>
for the Java side to inspect (fonts, page count, text).
"""
import logging
import sys
import time

import weasyprint

# fontTools warns about Carlito's 'created' timestamp on every subset; the PDFs are checked on the Java side
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_once(html_path, out_path):
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    base = "file://" + html_path.rsplit("/", 1)[0] + "/"
    started = time.perf_counter()
    document = weasyprint.HTML(string=html, base_url=base).render()
    pdf = document.write_pdf()
    elapsed = (time.perf_counter() - started) * 1000.0
    with open(out_path, "wb") as f:
        f.write(pdf)
    return elapsed, len(document.pages)


def main():
    print("READY %s %s" % (weasyprint.__version__, sys.version.split()[0]), flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "QUIT":
            break
        if parts[0] == "ONE":
            try:
                ms, pages = render_once(parts[1], parts[2])
                print("OK %.3f %d" % (ms, pages), flush=True)
            except Exception as e:  # reported to the Java side, which stops the benchmark
                print("ERROR %s" % str(e).replace("\n", " "), flush=True)
        else:
            print("ERROR unknown command %s" % parts[0], flush=True)


if __name__ == "__main__":
    main()
