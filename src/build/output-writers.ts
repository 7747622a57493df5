import type { OutputWriter } from './output-writer.js';

export const html: OutputWriter = async (jobs, [file]) => {
  await jobs.afterSlidesShown();
  const { composed, theme, model, diagrams } = jobs.deck;
  const { writeHtml } = await import('../export/html/html.js');
  await writeHtml(composed, theme, jobs.staging, file!, model, diagrams);
};

export const share: OutputWriter = async (jobs) => {
  const { shareDocument } = await import('../export/html/share-html.js');
  return shareDocument(jobs.deck.model, jobs.deck.rendered, jobs.deck.composed);
};

export const pdf: OutputWriter = async (jobs) => {
  const { model, composed } = jobs.deck;
  const { finishPdf } = await import('../export/pdf/pdf-finish.js');
  const { chapterOutline } = await import('../export/pdf/slides-pdf.js');
  const printed = await jobs.printedSlides();
  return jobs.onePdfAtATime(() =>
    finishPdf(printed, model, { title: model.title, outline: chapterOutline(composed) }),
  );
};

/** The handout is printed by the browser from the rendered slides, like the speaker script. */
export const handout: OutputWriter = async (jobs) => {
  const { model, composed, rendered } = jobs.deck;
  const { finishPdf } = await import('../export/pdf/pdf-finish.js');
  const { printA4 } = await import('../export/pdf/print-a4.js');
  const { handoutDocument } = await import('../export/pdf/handout.js');
  const { html, layout } = handoutDocument(model, composed, rendered);
  const slides = layout.pages.reduce((n, page) => n + page.length, 0);
  const printed = await printA4(await jobs.session(), html, slides, 'handout');
  return jobs.onePdfAtATime(() => finishPdf(printed, model, { title: model.title, outline: layout.outline }));
};

export const script: OutputWriter = async (jobs) => {
  const { model, composed, rendered } = jobs.deck;
  const { finishPdf } = await import('../export/pdf/pdf-finish.js');
  const { printA4 } = await import('../export/pdf/print-a4.js');
  const { scriptDocument, SCRIPT_PAGE } = await import('../export/pdf/speaker-script.js');
  const { continueLongNotes } = await import('../export/pdf/script-pages.js');
  const printed = await printA4(
    await jobs.session(),
    scriptDocument(model, composed, rendered),
    composed.slides.length,
    'speaker script',
    { outline: true, prepare: (page) => page.evaluate(continueLongNotes, SCRIPT_PAGE.height) },
  );
  return jobs.onePdfAtATime(() => finishPdf(printed, model, { title: model.title }));
};

export const picturePptx: OutputWriter = async (jobs) => {
  const { model, composed, rendered } = jobs.deck;
  const { writeImagePptx } = await import('../export/pptx/image-pptx.js');
  return writeImagePptx(model, composed, rendered, await jobs.slidePictures(), jobs.pictureFormat());
};

export const slideImages: OutputWriter = async (jobs, [folder, zip]) => {
  const { writeSlideImages } = await import('../export/images/slide-images.js');
  await writeSlideImages(
    await jobs.slidePictures(),
    jobs.deck.composed.slides.length,
    await jobs.staging.folder(folder!),
    jobs.staging.path(zip!),
  );
};

/** The browser is asked only for slides shown as pictures, block boxes and SVG pictures. */
export const editablePptx: OutputWriter = async (jobs) => {
  const { model, rendered, diagrams } = jobs.deck;
  const { writeEditablePptx } = await import('../export/pptx/editable-pptx.js');
  const { pictureSlides } = await import('../export/pptx/image-pptx.js');
  // Diagrams become pictures of their SVG, and each PNG the PPTX shows gets its SVG beside it.
  const drawn =
    Object.keys(diagrams).length > 0 ? await import('../export/pptx/pptx-diagrams.js') : undefined;
  const shown = drawn?.withDiagramPictures(jobs.deck.composed, diagrams);
  const composed = shown?.composed ?? jobs.deck.composed;
  const svgOfPng = new Map<string, string>();
  const editable = await writeEditablePptx(model, composed, rendered.height * (1280 / rendered.width), {
    picture: async (indices) => pictureSlides(await jobs.session(), model, rendered, { indices }),
    measure: async (indices) => {
      const all = await jobs.slideBoxes();
      return new Map(indices.flatMap((i) => (all[i] ? [[i, all[i]] as const] : [])));
    },
    svgToPng: async (svgs) => {
      const { svgToPng } = await import('../export/pptx/svg-pictures.js');
      const own = svgs.filter((svg) => shown?.svgs.has(svg));
      const others = svgs.filter((svg) => !shown?.svgs.has(svg));
      const [drawnPngs, pngs] = await Promise.all([
        own.length && drawn
          ? drawn.diagramPngs(
              await jobs.session(),
              own,
              jobs.deck.font?.css ?? '',
              await (jobs.deck.diagramPngs ?? new Map<string, string>()),
            )
          : new Map<string, string>(),
        others.length ? svgToPng(await jobs.session(), others) : new Map<string, string>(),
      ]);
      for (const [svg, png] of drawnPngs)
        svgOfPng.set(png, Buffer.from(svg.split(',')[1]!, 'base64').toString('utf8'));
      return new Map([...pngs, ...drawnPngs]);
    },
    svgParts: svgOfPng,
  });
  jobs.warnings.push(...editable.warnings);
  return editable.data;
};

/** A SCORM package for the company's LMS: the share copy with tracking, its manifest and schemas. */
const scorm =
  (version: '1.2' | '2004'): OutputWriter =>
  async (jobs) => {
    const { writeScormPackage } = await import('../export/html/scorm-package.js');
    return writeScormPackage(version, jobs.deck.model, jobs.deck.composed, jobs.deck.rendered);
  };

export const scorm12 = scorm('1.2');
export const scorm2004 = scorm('2004');
