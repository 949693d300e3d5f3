"use client";

/** Download a chart drawn on the page as SVG, or as PNG rendered from that SVG in the browser. */
export function ChartDownloads({ svgId, fileName }: { svgId: string; fileName: string }) {
  const svgText = () => {
    const svg = document.getElementById(svgId);
    return svg ? new XMLSerializer().serializeToString(svg) : "";
  };
  const save = (href: string, extension: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.download = `${fileName.replace(/[^\p{L}\p{N} ._-]+/gu, " ").trim() || "chart"}.${extension}`;
    a.click();
  };
  const downloadSvg = () => save(URL.createObjectURL(new Blob([svgText()], { type: "image/svg+xml" })), "svg");
  const downloadPng = () => {
    const svg = document.getElementById(svgId) as SVGSVGElement | null;
    if (!svg) return;
    const { width, height } = svg.viewBox.baseVal;
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d")!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      save(canvas.toDataURL("image/png"), "png");
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText())}`;
  };
  return (
    <div className="flex gap-3 text-xs print:hidden">
      <button type="button" onClick={downloadSvg} className="text-teal-800 underline">Download SVG</button>
      <button type="button" onClick={downloadPng} className="text-teal-800 underline">Download PNG</button>
    </div>
  );
}
