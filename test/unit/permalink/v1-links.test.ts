// Links made by the encoder as it was before the decoder became strict (commit 4b4154a, with
// Node's CompressionStream): each must still open, to the very snapshot the page has for the
// sample — plain, with a what-if, and redacted.
import { describe, expect, it } from 'vitest';
import { withGiven } from '../../../src/lib/kvp/snapshot.ts';
import { decodePermalink, redactSnapshot } from '../../../src/lib/permalink/index.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { sampleSnapshots } from './samples.ts';

const samples = await sampleSnapshots();

/** Sample id → links of its snapshot: plain, with guest OS 6.1 and host 6.4, redacted. */
const LINKS_4B4154A: Record<string, [string, string, string]> = {
  offered: [
    '#v1.dY3NSsNAFEZvJ01Mmi6sP_WnVaLiRuQyMwk1DYIUBV1pRq-6jtMpCJqRNNiVjyC4Fh_SRxAUV-L6O-d8AOA20rCh8OyGci5Q2-oJtS1rO7Wo7SNT7Z_F-RdpqtYoz7lwL9nR3sfoJTy_fn_o4etFe-aRP0eeT82AoEUQUuCy486C2v8W_pQWVX-AEoeScxSDJI6XVFdwlBxjjolYVunEpDzLkrHQ2bCQd9mBiSeZEIXcFbJLn6cr5K-Rt05sVR3e3pdjO5tGV6Z6NlUkuZDRSVEX2pS1qXrE-mr-926Dgk1ytgi2CXbozekoAAfgCw',
    '#v1.dY3LSsNAGEYnM0lMmi6sl3pplai4EfmZmYSaBkGKgq40o7-6jtMpCJqRNNiVjyC4Fh_SRxAUV-L6O-d8hDDf8V3PySJHwdkNFlyAtvUTaFs1dmpB20eq2j8L-xdxVWtUFFx4l_Ro72P0Ep1fvz_04PWiPfMxmEM_QDdE0kISYejR486C2v8W_pQWVX8AEoaScxCDNEmWVFdwkBwSDqlYVtnEZDzP07HQ-bCUd_mBSSa5EKXcFbKLn6crGKyhv450VR3e3ldjO5vGV6Z-NnUsuZDxSdmU2lSNqXtI-2r-924Dw01kW0i2kezgG-soQhghXw',
    '#v1.Y2BgYGW04GYMNPLwDw4x1EvJz03MzIPRRnrJ-blMgVxgOWY8algC2cJ8DVmDmBjAwIGhAcJgZAvhYA9h4whh4Qxh4Aph4A7hZGVyFhQKNHEPdcVhlnCgjJmekZ6lkYGBnqGZibGxSKCQoaWRnoGekZ6haKCYkYGBoVVKkoWVlaFYyAd38RAOyRA2qRAmiUCb8My8lPzyYoXg1KKy1CIFIwNDIwWXxJLE5NS8ktQi6RAmmUABmNmyIZxyIcyKIQxKIQzKIROYBQMZGJgZGAA',
  ],
  'host-6-3': [
    '#v1.Y2BgYGW04GYM1PMI0_Xzd3E11ktLTCrKzE7M1cvJT07MYQoUgMkw41TEEsjj5unjamDEGsS0_PCji6Fb_Pl6FOdmW_H5S7CFcLCHsHGEMHOGMHCFMHCHcLIyOQsKBWpBdKCZJBwoY6ZnrGdpZmCgZ2hmbGEiEihlaGmkZ2hmoWdioGdoJBpokZZqYWBllWiabGRlbJiWZpWWamBpZZ5kZKBqaCgWstFaPIRdMoRNKoRRItAuPDMvJb-8WCE4tagstUjByMDAQiHISCG4JDEvJbEoRTqESSZQwEzPUM_czMBQNoRTLoRZMYRRKYRBOWQCk2CgDEhfZnKqQkBicraCIQMzAwMA',
    '#v1.Y2BgZmNkY2FltOBmDNTzCNP183dxNdZLS0wqysxOzNXLyU9OzGEKFIDJMONUxBLI4-bp42pgxBrEtPzwo4uhW_z5ehTnZlvx-UuwhXCwh7BxhDBzhjBwhTBwh3CyMjkLCgVqQXSgmSQcKGOmZ6xnaWZgoGdoZmxhIhIoZWhppGdoZqFnYqBnaCQaaJGWamFgZZVommxkZWyYlmaVlmpgaWWeZGSgamgoFrLRWjyEXTKETSqEUSLQLjwzLyW_vFghOLWoLLVIwcjAwEIhyEghuCQxLyWxKEU6hEkmUMBMz1DP3MzAUDaEUy6EWTGEUSmEQTlkApNgoAxIX2ZyqkJAYnK2giEDMwMDAA',
    '#v1.bYzNSsNAFIXvTEzatBtbtf5FGRWKq2HuVMY0gggiuhGd5qrrMZNFsCYQRbc-gq_iG4p1qWd1-A7fAYCQpX1mx1c3OaH0zbOrapTzpnBzbnsLGvy7Ltno_hrDGYdFzuDjt7CIuh2KuhTEBD2CPsUhPx8M7eHl3cWflxWbGDmRU6OURDNJj1btEKdaKqklrtmRVgoz_5hmGY7o62SdOpsUbRHbsKcPVe2b9xeRl-1b2QqtVCpmWuSvrvau9dvEE7tsJMpjo3CH4l0K9ojtExzQJx_Y5MerilLcuuJJIAQA3w',
  ],
  'parameters-missing': [
    '#v1.BcHLDsFAFADQ23okrLyfJUUkNib3eszUWCF2FiZuYk2NpJEgrbD1S_7QOQAADmTcfLFkSvvNeLdaj1GVjSfFVCwkoqAAA6yYBqmJICnmglBVTXC1AWq9CHGmJ5ZIz09npcPphYZENf4t65xucrbFTsOMjtH98vgkvvK395eNn3GU2Da7nilIQUJJpA7nuuz02OkzDPjrFo13sPE7Cq2_P4U3nyAF8Ac',
    '#v1.BcHLDsFAFADQmaIJK-9nSRGJjcm9xUyNFWJnYeIm1rQjaSRICVu_5A-dw1jG5W6WcZZzCqWyKe83k91qPQFVMZ4UU7GQAAJDCKFqmqgCgVLMBYKqmfBiQ9B6EcFMBxZRz09npaNpjCPEOv2WDcq2yG0Tb5rxMbnF98_TV_729rLpI02etkOOZ4pSoFASsEv5HvE-8QGxIX2dkvEONn0nkfX3p-jqI8sw9gc',
    '#v1.BcHLDsFAFADQO_VIiIUW9SoZbKwm91YyfVg3tia9Yk3bRSMpKWHrl_yhcwAABLSsru2Y3uGUpEwD42m1U5FGVBRiiEPjUOQrVL6ikXF9RIrzaxjH5PJvP-bmlNszFhOzPZdVfv88ZSCT6lXUj7p8FnO2PNPXilSgkRbcWbJYsVgzbPhr2cZLi_pdZoU8XrKbJGgA_AE',
  ],
  'host-10-0': [
    '#v1.Y2BgYGW0EGAMtPMIc9YNMtL1MzDRS0zRy8svKskoz8xL0UutSMwtyEllS-bgSWZgT-biSGbgTubkTWbgS07hT2blTGbgSmZgChRB6GcmaJhAMgNrENPBp0s28dt65W0_oTtfjis6mSWQKzjQx8CclclXUCjQBMzGql04UMLQQM9Az9Dc3MxYz1AkUM3QQM9Qz0LPyNwazLLUMzIXDTRLS7UwsLJKM0wxtjJLNkq0sjRIMrEyTTU0VzUTC3ncxSgewiEZwiUVwiARaBOemZeSX16sEJxaVJZapGBkYGip4JJYkpicmleSWiQdwiQTKIKwVDaEUy6EWTGEQSmEQTlkArNgIAMDMwMDAA',
    '#v1.Y2BgZmNkY2FltBBgDLTzCHPWDTLS9TMw0UtM0cvLLyrJKM_MS9FLrUjMLchJZUvm4ElmYE_m4khm4E7m5E1m4EtO4U9m5Uxm4EpmYAoUQehnJmiYQDIDaxDTwadLNvHbeuVtP6E7X44rOpklkCs40MfAnJXJV1Ao0ATMxqpdOFDC0EDPQM_Q3NzMWM9QJFDN0EDPUM9Cz8jcGsyy1DMyFw00S0u1MLCySjNMMbYySzZKtLI0SDKxMk01NFc1Ewt53MUoHsIhGcIlFcIgEWgTnpmXkl9erBCcWlSWWqRgZGBoqeCSWJKYnJpXklokHcIkEyiCsFQ2hFMuhFkxhEEphEE5ZAKzYCADAzMDAwA',
    '#v1.Y2BgYGW0EGAMtPLwDw4x1EvJz03MzIPRRnqpFYm5BTmpbMkcPMkM7MlcHMkM3MmcvMkMfMkp_MmsnMkMXMkMTIFcYN3MBEwRSGZgDWJiAAMHhgYIg5ElkC3M15CVyVdQKNDGPdQVjwHCgRKGBnoGeobm5mbGeoYigWqGlkZ6BnpGeobWMJaRaKCYkYGBoVVKkoWVlaFYyOMuRvEQDskQLqkQBolAm_DMvJT88mKF4NSistQiBSMDQ0sFl8SSxOTUvJLUIukQJplAEYQlsiGcciHMiiEMSiEMyiETmAUDGRiYGRgA',
  ],
  'hand-edited': [
    '#v1.Xco9C4JAGADg8xOKhggHkwYJihZFHMLWKGgJO5RsNT30Ku8N70oj-u9RW60PD0JIk4yOhKc5uR-hdUuoiEvatLpeiIx7q_V-GR4U7DVQn7lIBQX2c1Q8SCgLbEG40LD5ZCCc1CluNH_pGUHjDXARPbggVRht0xPUmf6HlEGdqWhWAheUFfzrwKuPG11FkyfqMNatWDaxlVCWQ8PtwN7VMML9ueu7C9_zkILQGw',
    '#v1.Xco9C4JAGADg8-ugaIhwKGmQoGhRxCFsjYKWsEPJVtNDr_Le8K4yov8etdX68CCkYQXrhmK2FDLJ6e0AjVtCRV3apNXlTFXSWa52i3CvEe8O9UnIVDLgP0cnvYTxwJZUSIP0nxykkzrFleUvnFE0WoOQ0UNIWoXRJj1CneE_ZBzqTEfTEoRkvBBfB1F93GxrhjrWBzG2YrVPrITxHO7CDuxtDUPSnbm-O_c9D2kIvQE',
    '#v1.Y2BgYGUU4WQM1MrILy4x1EvJz03MzDPUS61IzC3ISWUK5PLwDw4xZIbIG6HLswSyhfkasgZyhfl6uhiyJacyKHnkF5cEVxaXpOb6B_smZuUXJbOhCWbm5RclszBogEzMzEsvBovnF-eCxEW4mFmZVFkkQ9ikQpgkAqXCM_NS8suLFSwUAoryZQIFzPSM9CyNDAwYmBkYAA',
  ],
};

describe('links made before the decoder became strict', () => {
  it('cover every sample the page had then, each still a sample', () => {
    expect(Object.keys(LINKS_4B4154A).sort()).toEqual(
      ['hand-edited', 'host-10-0', 'host-6-3', 'offered', 'parameters-missing'].sort(),
    );
    for (const id of Object.keys(LINKS_4B4154A)) expect(samples.map((s) => s.id)).toContain(id);
  });

  it.each(samples.filter((s) => s.id in LINKS_4B4154A).map((s) => [s.id, s] as const))(
    '%s: each opens to the same snapshot and report as before',
    async (id, { snapshot }) => {
      const [plain, asked, redacted] = LINKS_4B4154A[id] ?? [];
      const whatIf = withGiven(snapshot, {
        guestOs: { major: 6, minor: 1 },
        hostVersion: { major: 6, minor: 4 },
      });
      for (const [link, expected] of [
        [plain, snapshot],
        [asked, whatIf],
        [redacted, redactSnapshot(snapshot)],
      ] as const) {
        const decoded = await decodePermalink(link ?? '');
        expect(decoded).toStrictEqual(expected);
        expect(analyze(decoded)).toStrictEqual(analyze(expected));
      }
    },
  );
});
